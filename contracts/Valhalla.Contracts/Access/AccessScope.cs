namespace Valhalla.Contracts.Access;

/// <summary>
/// What an API key may do. Each scope implies the ones below it: <see cref="Write"/> can read,
/// <see cref="Admin"/> can write.
/// </summary>
public enum AccessScope
{
    /// <summary>GET and HEAD requests.</summary>
    Read = 1,

    /// <summary>Every other method on pack routes.</summary>
    Write = 2,

    /// <summary>Pack management, key management and backups.</summary>
    Admin = 3,
}
