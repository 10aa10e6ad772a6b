using System.Globalization;
using KeySell.Domain.Common;
using KeySell.Domain.Funnel;
using KeySell.Domain.RedFlags;
using KeySell.Domain.Sheets;

namespace KeySell.Application.RedFlags;

/// <summary>
/// The analysis in the contract's output format (<c>shared/contracts/strategy-sheet.md</c>,
/// "Output of the analysis"): what <c>keysell analyze</c> prints and
/// <c>GET /api/opportunities/{id}/analysis</c> returns.
/// </summary>
public sealed record AnalysisDocument(
    string Opportunity,
    string AsOf,
    IReadOnlyList<RedFlagDocument> RedFlags,
    IReadOnlyList<string> Receptive,
    IReadOnlyList<string> Unreceptive,
    FunnelDocument Funnel)
{
    public static AnalysisDocument From(SheetAnalysis analysis, RedFlagWords words)
    {
        var flags = new RedFlagDocument[analysis.RedFlags.Count];
        for (var i = 0; i < flags.Length; i++)
        {
            var flag = analysis.RedFlags[i];
            var (message, action) = words.Describe(flag, analysis);
            flags[i] = new RedFlagDocument(flag.Id, flag.Influence?.Id, RedFlagSeverities.Of(flag.Id).ToId(), message, action, flag.AddressedBy);
        }
        return new AnalysisDocument(
            analysis.Sheet.Opportunity.Name,
            analysis.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            flags,
            Ids(analysis.Receptive),
            Ids(analysis.Unreceptive),
            new FunnelDocument(
                analysis.Funnel.Level.ToId(),
                analysis.Funnel.Premature,
                analysis.Funnel.Unmet.Count == 0 ? [] : analysis.Funnel.Unmet.Select(u => u.ToId()).ToArray(),
                analysis.Funnel.HighestMet.ToId()));
    }

    private static string[] Ids(IReadOnlyList<SheetInfluence> influences)
    {
        if (influences.Count == 0) return [];
        var ids = new string[influences.Count];
        for (var i = 0; i < ids.Length; i++) ids[i] = influences[i].Id;
        return ids;
    }
}

public sealed record RedFlagDocument(string Id, string? Influence, string Severity, string Message, string Action, IReadOnlyList<string> AddressedBy);

public sealed record FunnelDocument(string Level, bool Premature, IReadOnlyList<string> Unmet, string HighestMet);
