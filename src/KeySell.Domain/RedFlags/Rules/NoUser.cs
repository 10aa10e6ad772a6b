using KeySell.Domain.BuyingInfluences;

namespace KeySell.Domain.RedFlags.Rules;

/// <summary><c>no-user</c>: nobody who will use the product is known (不重视用户, the common flaw).</summary>
public sealed class NoUser : PerSheetRule
{
    public override string Id => "no-user";
    public override RedFlagSeverity Severity => RedFlagSeverity.Warning;

    protected override bool Fires(RuleContext context) => !context.AnyActive(i => i.Has(BuyingRoles.User));
}
