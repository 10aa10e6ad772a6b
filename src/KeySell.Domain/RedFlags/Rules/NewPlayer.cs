using KeySell.Domain.Sheets;

namespace KeySell.Domain.RedFlags.Rules;

/// <summary>
/// <c>new-player</c>: someone joined the deal or changed role lately (new players, reorganisation). On a version-2
/// sheet, people mapped when the deal was set up (since within the first <see cref="SetUpDays"/> days from createdOn)
/// are not new players.
/// </summary>
public sealed class NewPlayer : PerInfluenceRule
{
    /// <summary>How long after the deal's creation its first mapping counts as setting it up.</summary>
    public const int SetUpDays = 14;

    public override string Id => "new-player";
    public override RedFlagSeverity Severity => RedFlagSeverity.Info;

    protected override bool Fires(SheetInfluence influence, RuleContext context) =>
        context.IsWithinNewPlayerWindow(influence.Since) && !MappedAtSetUp(influence, context.Sheet);

    private static bool MappedAtSetUp(SheetInfluence influence, StrategySheet sheet) =>
        sheet.IsVersion2 && sheet.Opportunity.CreatedOn is { } created && influence.Since is { } since
        && since >= created && since <= created.AddDays(SetUpDays);
}
