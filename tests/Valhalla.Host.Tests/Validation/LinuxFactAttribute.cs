namespace Valhalla.Host.Tests.Validation;

/// <summary>A fact about Linux itself (procfs, case-keeping file systems): skipped elsewhere.</summary>
internal sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "Linux only";
        }
    }
}
