using KeySell.Application.Common;
using KeySell.Application.RedFlags;
using KeySell.Application.Sheets;
using KeySell.Domain.Sheets;

namespace KeySell.Application.Opportunities;

/// <summary>Judges one opportunity by the method, as of today, in the contract's analysis format.</summary>
public static class AnalyzeOpportunity
{
    /// <param name="Language"><c>en</c> (default) or <c>zh-CN</c>.</param>
    public sealed record Query(Guid OpportunityId, string? Language = null);

    public sealed class Handler(ExportSheet.Handler export, StrategyAnalyzer analyzer)
    {
        public async Task<Result<AnalysisDocument>> Handle(Query query, CancellationToken ct)
        {
            RedFlagWords words;
            try
            {
                words = RedFlagWords.For(query.Language);
            }
            catch (ArgumentException)
            {
                return Error.Invalid("lang", Resources.Messages.Format("UnknownValue", query.Language, "en, zh-CN"));
            }

            var sheet = await export.Handle(new ExportSheet.Query(query.OpportunityId), ct);
            if (sheet.Error is { } error) return error;
            var analysis = analyzer.Analyze(sheet.Value, sheet.Value.AsOf!.Value);
            return AnalysisDocument.From(analysis, words);
        }
    }
}
