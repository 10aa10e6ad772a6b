namespace KeySell.Application.Security;

/// <summary>
/// One line of the security log: who signed in or failed to, and who changed users or teams.
/// Append-only and kept forever; the id is a sequence, so "newest first" is simply the highest id.
/// </summary>
public class SecurityEvent
{
    public const int KindMaxLength = 32;
    public const int EmailMaxLength = 256;
    public const int IpMaxLength = 64;
    public const int DetailMaxLength = 1000;

    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string Kind { get; set; } = "";
    public string? UserId { get; set; }
    public string? Email { get; set; }
    public string? Ip { get; set; }
    public string? Detail { get; set; }
}

/// <summary>The kinds the log knows; the access-model use cases add theirs with these names.</summary>
public static class SecurityEventKinds
{
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string SignOut = "sign-out";
    public const string SignOutAll = "sign-out-all";
    public const string PasswordChanged = "password-changed";
    public const string RefreshReuse = "refresh-reuse";
    public const string UserCreated = "user-created";
    public const string UserUpdated = "user-updated";
    public const string TeamCreated = "team-created";
    public const string TeamMembersChanged = "team-members-changed";
    public const string CalendarLink = "calendar-link";
}
