namespace Valhalla.Host.Loading;

/// <summary>A valid pack could not be started; <see cref="Code"/> is the report's finding code.</summary>
public sealed class PackActivationException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;

    /// <summary>True when a call into the pack's code missed its deadline and still runs: its load context cannot be freed.</summary>
    public bool Abandoned => InnerException is PackCallTimeoutException;
}
