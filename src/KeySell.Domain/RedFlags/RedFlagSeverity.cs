using KeySell.Domain.Sheets;

namespace KeySell.Domain.RedFlags;

/// <summary>
/// How much a red flag threatens the deal (contract: "Severity of each rule"): a critical flag can
/// lose the deal on its own, a warning weakens it, info asks for a look. Each rule states its own.
/// </summary>
public enum RedFlagSeverity
{
    Critical = 1,
    Warning = 2,
    Info = 3,
}

public static class RedFlagSeverities
{
    // Built from the rules themselves, so the severity has one home: the rule's class.
    private static readonly Dictionary<string, RedFlagSeverity> ById =
        StrategyAnalyzer.ContractRules.ToDictionary(r => r.Id, r => r.Severity, StringComparer.Ordinal);

    /// <summary>The severity of a contract rule's flags; an id no rule has (a newer file) counts as a warning.</summary>
    public static RedFlagSeverity Of(string id) => ById.GetValueOrDefault(id, RedFlagSeverity.Warning);
}
