using System.Diagnostics;
using System.Reflection;
using System.Runtime.Loader;
using Valhalla.Host.Loading;

namespace Valhalla.Host.Quarantine;

/// <summary>Finds the running pack whose code is on a stack that is ending the process, where one can tell.</summary>
internal static class CrashAttribution
{
    /// <summary>The pack whose load context owns code in <paramref name="exception"/>'s stack (or an inner exception's).</summary>
    public static PackRuntime? OwnerOf(Exception exception, IReadOnlyList<PackRuntime> running)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (OwnerOf(new StackTrace(current, fNeedFileInfo: false), running) is { } owner)
            {
                return owner;
            }
        }

        return null;
    }

    /// <summary>The pack whose load context owns code on <paramref name="trace"/>, innermost frame first.</summary>
    public static PackRuntime? OwnerOf(StackTrace trace, IReadOnlyList<PackRuntime> running)
    {
        foreach (var assembly in trace.GetFrames().Select(Assembly).OfType<Assembly>())
        {
            var context = AssemblyLoadContext.GetLoadContext(assembly);
            if (context is { IsCollectible: true } && running.FirstOrDefault(r => ReferenceEquals(r.LoadContext.Target, context)) is { } owner)
            {
                return owner;
            }
        }

        return null;
    }

    [System.Diagnostics.CodeAnalysis.UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "The host is not trimmed.")]
    private static Assembly? Assembly(StackFrame frame) => frame.GetMethod()?.DeclaringType?.Assembly;
}
