using KeySell.Application.Sheets;
using KeySell.Domain.Sheets;

namespace KeySell.Application.Opportunities;

/// <summary>
/// How many red flags each opportunity shows today, for lists such as Home. It exports each sheet and
/// runs the team's analyzer, so a count always equals what the sheet page and the API report.
/// </summary>
public static class CountRedFlags
{
    public sealed record Query(IReadOnlyCollection<Guid> OpportunityIds);

    public sealed class Handler(ExportSheet.Handler export, StrategyAnalyzer analyzer)
    {
        /// <summary>Counts by opportunity id; an id that no longer exists (deleted meanwhile) is left out rather than failing the page.</summary>
        public async Task<IReadOnlyDictionary<Guid, int>> Handle(Query query, CancellationToken ct)
        {
            var counts = new Dictionary<Guid, int>(query.OpportunityIds.Count);
            // One DbContext cannot run queries in parallel; a page of ~25 sheets is a few split queries each,
            // and the analysis itself is cheap (see docs/performance.md), so sequential reads are enough.
            foreach (var id in query.OpportunityIds.Distinct())
            {
                var sheet = await export.Handle(new ExportSheet.Query(id), ct);
                if (!sheet.Succeeded) continue;
                counts[id] = analyzer.Analyze(sheet.Value, sheet.Value.AsOf!.Value).RedFlags.Count;
            }
            return counts;
        }
    }
}
