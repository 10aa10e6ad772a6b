namespace KeySell.Application.Identity;

/// <summary>
/// One signed-in device: a cookie or a bearer token pair carries its id, and every request checks
/// it is still open, so signing out ends it on the server and not only in the browser.
/// </summary>
public class UserSession
{
    public const int UserAgentMaxLength = 200;
    public const int IpMaxLength = 64;

    public Guid Id { get; set; }
    public string UserId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset LastSeenAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>Why it ended: <c>sign-out</c>, <c>all-devices</c>, <c>password-changed</c>, <c>refresh-reuse</c>…</summary>
    public string? RevokedReason { get; set; }

    public string? UserAgent { get; set; }
    public string? Ip { get; set; }

    /// <summary>
    /// Counts the refreshes of a bearer session; a refresh token carries the generation it was issued
    /// at, so an older one presented again is a stolen or replayed token.
    /// </summary>
    public int RefreshGeneration { get; set; }
}

/// <summary>Claims a KeySell sign-in carries besides Identity's own.</summary>
public static class SessionClaims
{
    public const string SessionId = "keysell:sid";
    public const string RefreshGeneration = "keysell:rgen";
    public const string MustChangePassword = "keysell:mcp";
}
