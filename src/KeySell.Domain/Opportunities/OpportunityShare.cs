namespace KeySell.Domain.Opportunities;

/// <summary>
/// An opportunity opened to one user or one whole team beyond its owner's teams, e.g. a solution
/// specialist who helps on one deal. Exactly one of <see cref="UserId"/> and <see cref="TeamId"/> is set.
/// </summary>
public class OpportunityShare
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid OpportunityId { get; set; }
    public string? UserId { get; set; }
    public Guid? TeamId { get; set; }
    public ShareAccess Access { get; set; }
}

public enum ShareAccess
{
    Read = 0,
    Edit = 1,
}
