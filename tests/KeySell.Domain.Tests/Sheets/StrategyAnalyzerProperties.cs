using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using KeySell.Domain.Opportunities;
using KeySell.Domain.Sheets;

namespace KeySell.Domain.Tests.Sheets;

/// <summary>Invariants of the judgement that must hold for every sheet, not just the examples.</summary>
public sealed class StrategyAnalyzerProperties
{
    private static readonly StrategyAnalyzer Analyzer = StrategyAnalyzer.Default;

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public bool Analyze_SameSheetTwice_GivesTheSameAnalysis(StrategySheet sheet) =>
        Describe(Analyzer.Analyze(sheet, TestSheets.AsOf)).SequenceEqual(Describe(Analyzer.Analyze(sheet, TestSheets.AsOf)));

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public bool Analyze_AddingAStrength_NeverAddsAFlag(StrategySheet sheet, bool aimed)
    {
        var before = Analyzer.Analyze(sheet, TestSheets.AsOf).RedFlags.Select(f => (f.Id, f.Influence?.Id)).ToHashSet();
        var stronger = sheet with { Strengths = [.. sheet.Strengths, new SheetStrength("New strength", aimed ? ["no-coach", "stale"] : [])] };

        var after = Analyzer.Analyze(stronger, TestSheets.AsOf).RedFlags.Select(f => (f.Id, f.Influence?.Id));

        return after.All(before.Contains);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public bool Analyze_BestFewNotPremature_HasNoRedFlag(StrategySheet sheet)
    {
        var analysis = Analyzer.Analyze(sheet, TestSheets.AsOf);

        return analysis.Funnel.Level != FunnelLevel.BestFew || analysis.Funnel.Premature || analysis.RedFlags.Count == 0;
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public bool Analyze_ReorderedInfluences_OnlyReorderPerPersonFlags(StrategySheet sheet, int seed)
    {
        var shuffled = sheet with { Influences = Shuffle(sheet.Influences, seed) };

        var original = Analyzer.Analyze(sheet, TestSheets.AsOf).RedFlags;
        var reordered = Analyzer.Analyze(shuffled, TestSheets.AsOf).RedFlags;

        // Same flags, same rule order; within a rule, the people follow the new input order.
        var sameSet = original.Select(Key).OrderBy(k => k).SequenceEqual(reordered.Select(Key).OrderBy(k => k));
        var sameRuleOrder = original.Select(f => f.Id).SequenceEqual(reordered.Select(f => f.Id));
        var position = shuffled.Influences.Select((influence, index) => (influence.Id, index)).ToDictionary(p => p.Id, p => p.index);
        var followsInput = reordered.Zip(reordered.Skip(1)).All(pair =>
            pair.First.Id != pair.Second.Id || pair.First.Influence is null || pair.Second.Influence is null
            || position[pair.First.Influence.Id] <= position[pair.Second.Influence.Id]);
        return sameSet && sameRuleOrder && followsInput;
    }

    private static string Key(KeySell.Domain.RedFlags.RedFlag flag) => $"{flag.Id}|{flag.Influence?.Id}|{flag.Text}|{flag.Objection?.Text}";

    private static SheetInfluence[] Shuffle(IReadOnlyList<SheetInfluence> influences, int seed)
    {
        var random = new Random(seed);
        var copy = influences.ToArray();
        random.Shuffle(copy);
        return copy;
    }

    private static IEnumerable<string> Describe(SheetAnalysis analysis) =>
        analysis.RedFlags.Select(f => $"{Key(f)}|{string.Join(",", f.AddressedBy)}|{f.Missing}")
            .Concat(analysis.Receptive.Select(i => "+" + i.Id))
            .Concat(analysis.Unreceptive.Select(i => "-" + i.Id))
            .Append($"{analysis.Funnel.Level}|{analysis.Funnel.Premature}|{string.Join(",", analysis.Funnel.Unmet)}|{analysis.Funnel.HighestMet}");

    public static class Arbitraries
    {
        public static Arbitrary<StrategySheet> Sheets() => SheetGenerators.Sheet();
    }
}
