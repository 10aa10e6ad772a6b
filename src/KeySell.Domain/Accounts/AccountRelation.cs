namespace KeySell.Domain.Accounts;

/// <summary>
/// A related company outside the group: upstream supplier, downstream customer or partner. It is recorded once, at
/// <see cref="AccountId"/>, and read from both sides: seen from the related company, its type is <see cref="RelationTypes.Inverse"/>.
/// </summary>
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

public static class RelationTypes
{
    /// <summary>
    /// The same relation named from the other company: if China Ore is East China Steel's supplier (upstream),
    /// East China Steel is China Ore's customer (downstream); partners are partners both ways.
    /// </summary>
    public static RelationType Inverse(this RelationType type) => type switch
    {
        RelationType.Upstream => RelationType.Downstream,
        RelationType.Downstream => RelationType.Upstream,
        _ => type,
    };
}
