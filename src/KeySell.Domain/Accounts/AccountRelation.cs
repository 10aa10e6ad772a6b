namespace KeySell.Domain.Accounts;

/// <summary>A related company outside the group: upstream supplier, downstream customer or partner.</summary>
public class AccountRelation
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AccountId { get; set; }
    public Guid RelatedAccountId { get; set; }
    public Account? RelatedAccount { get; set; }
    public RelationType Type { get; set; }
}

public enum RelationType
{
    Upstream = 1,
    Downstream = 2,
    Partner = 3,
}
