using KeySell.Domain.Common;

namespace KeySell.Domain.Teams;

/// <summary>
/// A sales team. Its members read each other's deals; a member marked manager also writes them.
/// Members are users (sign-ins), named by their Identity id.
/// </summary>
public class Team : AuditedEntity
{
    public const int NameMaxLength = 200;

    public string Name { get; set; } = "";
    public List<TeamMember> Members { get; set; } = [];
}

public class TeamMember
{
    public Guid TeamId { get; set; }
    public string UserId { get; set; } = "";
    /// <summary>Only a user whose role is manager or admin may manage a team.</summary>
    public bool Manager { get; set; }
}
