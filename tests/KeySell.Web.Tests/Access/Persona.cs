namespace KeySell.Web.Tests.Access;

/// <summary>
/// Who calls. The owner is a seller in team A; the opportunity and account the matrix is about are
/// theirs. See <see cref="AccessWorld"/> for how each one is set up.
/// </summary>
public enum Persona
{
    /// <summary>No credential at all.</summary>
    Anonymous,
    /// <summary>Role viewer, member of team A.</summary>
    Viewer,
    /// <summary>Role seller, member of team A; owns the records.</summary>
    Owner,
    /// <summary>Role seller, member of team A (same team as the owner).</summary>
    Teammate,
    /// <summary>Role seller, member of team B only.</summary>
    Outsider,
    /// <summary>Role manager, marked manager of team A (the owner's team).</summary>
    Manager,
    /// <summary>Role manager, marked manager of team B.</summary>
    OtherManager,
    /// <summary>Role admin.</summary>
    Admin,
    /// <summary>Role seller, in no team; the owner shares the opportunity with them for <c>read</c>.</summary>
    ReadShare,
    /// <summary>Role seller, in no team; the owner shares the opportunity with them for <c>edit</c>.</summary>
    EditShare,
}

/// <summary>
/// The status each persona must get, written from contract 1 (team-access.md), never from the
/// app's own rules. Anonymous always gets 401 and is not a column.
/// </summary>
public sealed record Expect(
    int Viewer, int Owner, int Teammate, int Outsider, int Manager, int OtherManager, int Admin, int ReadShare, int EditShare)
{
    public int For(Persona persona) => persona switch
    {
        Persona.Anonymous => 401,
        Persona.Viewer => Viewer,
        Persona.Owner => Owner,
        Persona.Teammate => Teammate,
        Persona.Outsider => Outsider,
        Persona.Manager => Manager,
        Persona.OtherManager => OtherManager,
        Persona.Admin => Admin,
        Persona.ReadShare => ReadShare,
        Persona.EditShare => EditShare,
        _ => throw new ArgumentOutOfRangeException(nameof(persona)),
    };

    /// <summary>
    /// read O / read A: admin, the owner, every member of the owner's teams (viewer, teammate, the
    /// team's manager) and users O is shared with; for the others the record does not exist (404).
    /// </summary>
    public static Expect Read(int ok = 200) =>
        new(Viewer: ok, Owner: ok, Teammate: ok, Outsider: 404, Manager: ok, OtherManager: 404, Admin: ok, ReadShare: ok, EditShare: ok);

    /// <summary>
    /// write O: admin, the owner, managers of a team the owner is in, users it is shared with for
    /// edit; those who read O but may not write it get 403; the rest 404.
    /// </summary>
    public static Expect WriteDeal(int ok) =>
        new(Viewer: 403, Owner: ok, Teammate: 403, Outsider: 404, Manager: ok, OtherManager: 404, Admin: ok, ReadShare: 403, EditShare: ok);

    /// <summary>
    /// write A (account, departments, people, relations): admin, the owner (and account team),
    /// managers of a team the owner is in. A share of one deal lets you read A, not write it: 403.
    /// </summary>
    public static Expect WriteAccount(int ok) =>
        new(Viewer: 403, Owner: ok, Teammate: 403, Outsider: 404, Manager: ok, OtherManager: 404, Admin: ok, ReadShare: 403, EditShare: 403);

    /// <summary>Any signed-in user.</summary>
    public static Expect AnyUser(int ok = 200) =>
        new(Viewer: ok, Owner: ok, Teammate: ok, Outsider: ok, Manager: ok, OtherManager: ok, Admin: ok, ReadShare: ok, EditShare: ok);

    /// <summary>Everyone signed in but viewers, who write nothing (403).</summary>
    public static Expect AllButViewers(int ok) => AnyUser(ok) with { Viewer = 403 };

    /// <summary>A route reserved to admins: 403 for every other signed-in caller.</summary>
    public static Expect AdminOnly(int ok) =>
        new(Viewer: 403, Owner: 403, Teammate: 403, Outsider: 403, Manager: 403, OtherManager: 403, Admin: ok, ReadShare: 403, EditShare: 403);
}
