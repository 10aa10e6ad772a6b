namespace KeySell.Domain.BuyingInfluences;

/// <summary>CUTE: one person may hold several roles; none means the role is still unknown.</summary>
[Flags]
public enum BuyingRoles
{
    None = 0,
    Coach = 1,
    User = 2,
    Technical = 4,
    Economic = 8,
}

public static class BuyingRolesExtensions
{
    public static readonly BuyingRoles[] Each = [BuyingRoles.Coach, BuyingRoles.User, BuyingRoles.Technical, BuyingRoles.Economic];

    public static IEnumerable<BuyingRoles> Split(this BuyingRoles roles) => Each.Where(r => roles.HasFlag(r));

    public static BuyingRoles Combine(IEnumerable<BuyingRoles> roles) => roles.Aggregate(BuyingRoles.None, (all, r) => all | r);
}
