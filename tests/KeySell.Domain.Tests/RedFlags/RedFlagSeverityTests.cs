using KeySell.Domain.RedFlags;
using KeySell.Domain.Sheets;

namespace KeySell.Domain.Tests.RedFlags;

public class RedFlagSeverityTests
{
    // Copied from the funnel contract ("Severity of each rule"), not from the rules.
    private static readonly Dictionary<string, RedFlagSeverity> Contract = new()
    {
        ["coach-gone"] = RedFlagSeverity.Critical, ["no-economic-buyer"] = RedFlagSeverity.Critical, ["opponent"] = RedFlagSeverity.Critical,
        ["technical-veto"] = RedFlagSeverity.Critical, ["unreceptive-economic-buyer"] = RedFlagSeverity.Critical,
        ["late-entry"] = RedFlagSeverity.Critical, ["not-win-win"] = RedFlagSeverity.Critical,
        ["no-coach"] = RedFlagSeverity.Warning, ["coach-weak"] = RedFlagSeverity.Warning, ["no-user"] = RedFlagSeverity.Warning,
        ["uncovered"] = RedFlagSeverity.Warning, ["no-counterpart"] = RedFlagSeverity.Warning, ["open-objection"] = RedFlagSeverity.Warning,
        ["stale"] = RedFlagSeverity.Warning, ["poor-fit"] = RedFlagSeverity.Warning, ["incomplete-objective"] = RedFlagSeverity.Warning,
        ["manual"] = RedFlagSeverity.Warning,
        ["missing-information"] = RedFlagSeverity.Info, ["no-win-result"] = RedFlagSeverity.Info, ["no-strength"] = RedFlagSeverity.Info,
        ["new-player"] = RedFlagSeverity.Info,
        // Copied from strategy-sheet-v2.md ("Severities").
        ["no-next-step"] = RedFlagSeverity.Warning, ["continuation-only"] = RedFlagSeverity.Warning, ["no-top-officer"] = RedFlagSeverity.Warning,
        ["overdue-action"] = RedFlagSeverity.Warning, ["objection-unconfirmed"] = RedFlagSeverity.Warning,
        ["objection-unproven"] = RedFlagSeverity.Warning,
        ["needs-not-rooted"] = RedFlagSeverity.Info, ["needs-not-decomposed"] = RedFlagSeverity.Info, ["needs-not-landed"] = RedFlagSeverity.Info,
    };

    [Fact]
    public void Severity_OfEveryContractRule_IsTheContracts()
    {
        StrategyAnalyzer.ContractRules.Select(r => r.Id).ShouldBe(Contract.Keys, ignoreOrder: true);
        foreach (var rule in StrategyAnalyzer.ContractRules)
        {
            rule.Severity.ShouldBe(Contract[rule.Id], rule.Id);
            RedFlagSeverities.Of(rule.Id).ShouldBe(Contract[rule.Id], rule.Id);
        }
    }
}
