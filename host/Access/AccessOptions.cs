namespace Valhalla.Host.Access;

/// <summary>The <c>Valhalla:Auth</c> configuration section.</summary>
public sealed class AccessOptions
{
    public const string Section = "Valhalla:Auth";

    /// <summary>
    /// When false, every request is served without a key. Allowed only while every address the host
    /// listens on is loopback; otherwise the host refuses to start.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Failed authentications one address may make in a minute before it is answered 429.</summary>
    public int FailuresPerMinute { get; set; } = 10;

    /// <summary>How often the host re-reads its keys, so keys revoked by another process stop working, in milliseconds.</summary>
    public int RefreshMs { get; set; } = 500;
}
