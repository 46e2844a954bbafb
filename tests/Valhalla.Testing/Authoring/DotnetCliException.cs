namespace Valhalla.Testing.Authoring;

/// <summary>A <c>dotnet</c> command failed; the message holds the command, its exit code and its whole output.</summary>
public sealed class DotnetCliException(string command, int exitCode, TimeSpan elapsed, string output)
    : Exception($"`{command}` exited with {exitCode} after {elapsed.TotalSeconds:0.0} s:\n{output}")
{
    public int ExitCode { get; } = exitCode;

    public string Output { get; } = output;
}
