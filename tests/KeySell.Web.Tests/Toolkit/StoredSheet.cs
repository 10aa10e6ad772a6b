using KeySell.Application.Sheets;
using KeySell.Web.Tests.Infrastructure;

namespace KeySell.Web.Tests.Toolkit;

/// <summary>A deal as the stored sheet carries it (the typed sheet the engine judges and every writer writes).</summary>
internal static class StoredSheet
{
    public static Task<KeySell.Domain.Sheets.StrategySheet> SheetAsync(this KeySellApp app, Guid opportunityId) => app.WithDbAsync(async db =>
        (await new ExportSheet.Handler(db, TimeProvider.System).Handle(new ExportSheet.Query(opportunityId), TestContext.Current.CancellationToken)).Value);
}
