using KeySell.Domain.Sheets;

namespace KeySell.Domain.RedFlags.Rules;

/// <summary><c>new-player</c>: someone joined the deal or changed role lately (new players, reorganisation).</summary>
public sealed class NewPlayer : PerInfluenceRule
{
    public override string Id => "new-player";
    public override RedFlagSeverity Severity => RedFlagSeverity.Info;

    protected override bool Fires(SheetInfluence influence, RuleContext context) => context.IsWithinNewPlayerWindow(influence.Since);
}
