using KeySell.Domain.Teams;

namespace KeySell.Application.Common;

/// <summary>
/// Who is asking: the one answer to "which user and which colleague am I" for every use case, the
/// access rules and the history. The web host answers with the signed-in user, the CLI and
/// start-up with the machine's operator, who has admin rights.
/// </summary>
public interface ICurrentUser
{
    /// <summary>How changes are signed in the history: the user's email, or <c>cli:&lt;OS user&gt;</c>.</summary>
    string Name { get; }

    /// <summary>The Identity user id; null for the operator and for anonymous callers.</summary>
    string? UserId { get; }

    /// <summary>The colleague the user is (our side's person record): owner of what they create.</summary>
    Guid? ColleagueId { get; }

    /// <summary>Null for an anonymous caller, who reads and writes nothing.</summary>
    Role? Role { get; }
}

/// <summary>The operator of the machine (CLI, start-up, background work): admin rights, no colleague.</summary>
public sealed class Operator(string name) : ICurrentUser
{
    public string Name { get; } = name;
    public string? UserId => null;
    public Guid? ColleagueId => null;
    public Role? Role => Domain.Teams.Role.Admin;
}
