namespace KeySell.Domain.Teams;

/// <summary>What a user may do, one role per user; stored and sent as its id (<c>admin</c>, <c>viewer</c>…).</summary>
public enum Role
{
    /// <summary>Reads their teams' records; writes nothing.</summary>
    Viewer = 0,
    /// <summary>Reads and writes their own records and those shared for edit; reads their teams' records.</summary>
    Seller = 1,
    /// <summary>Reads and writes every record of the teams they manage.</summary>
    Manager = 2,
    /// <summary>Everything, including users, teams and the recycle bin.</summary>
    Admin = 3,
}
