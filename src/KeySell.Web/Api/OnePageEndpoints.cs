using System.Globalization;
using System.Security.Claims;
using KeySell.Application.Common;
using KeySell.Application.Resources;
using KeySell.Application.Sheets;
using KeySell.Web.Exports;
using KeySell.Web.Resources;
using Microsoft.Extensions.Localization;

namespace KeySell.Web.Api;

/// <summary>
/// The one-page strategy sheet as documents to hand over: a deal's PDF and Excel workbook, and every open deal of an
/// account in one PDF. Read through the same access rules as the sheet (a deal the caller may not read is a 404),
/// in the language asked for (<c>?lang=en|zh-CN</c>, else <c>Accept-Language</c>, else English).
/// </summary>
public static class OnePageEndpoints
{
    private const string Pdf = "application/pdf";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapOnePageEndpoints(this RouteGroupBuilder api)
    {
        var documents = api.MapGroup("").WithTags("One-page documents");

        documents.MapGet("/opportunities/{id:guid}/sheet.pdf", async (Guid id, string? lang, HttpContext http, GetOnePageSheets.Handler handler,
            OnePageWords words, SheetPdf pdf, CancellationToken ct) =>
        {
            if (Language(lang, http) is not { } culture) return LanguageProblem(lang);
            if (!pdf.HasFonts) return NoFonts();
            var read = await handler.Handle(new GetOnePageSheets.Query(OpportunityId: id), ct);
            if (read.Error is { } error) return error.ToProblem();
            var deal = read.Value.Sheets[0];
            var page = OnePageWords.In(culture, () => words.Page(deal));
            var bytes = await pdf.RenderAsync($"{deal.Sheet.Opportunity.Name} — {deal.Sheet.Opportunity.Account}", null, [page], null, ct);
            return Document(http, bytes, Pdf, DownloadName.Of("pdf", "sheet", deal.Sheet.Opportunity.Account, deal.Sheet.Opportunity.Name), $"{deal.Tag}.{culture.Name}.pdf");
        }).Produces(200, contentType: Pdf).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(503);

        documents.MapGet("/opportunities/{id:guid}/sheet.xlsx", async (Guid id, string? lang, HttpContext http, GetOnePageSheets.Handler handler,
            SheetXlsx xlsx, CancellationToken ct) =>
        {
            if (Language(lang, http) is not { } culture) return LanguageProblem(lang);
            var read = await handler.Handle(new GetOnePageSheets.Query(OpportunityId: id), ct);
            if (read.Error is { } error) return error.ToProblem();
            var deal = read.Value.Sheets[0];
            var bytes = OnePageWords.In(culture, () => xlsx.Render(deal));
            return Document(http, bytes, Xlsx, DownloadName.Of("xlsx", "sheet", deal.Sheet.Opportunity.Account, deal.Sheet.Opportunity.Name), $"{deal.Tag}.{culture.Name}.xlsx");
        }).Produces(200, contentType: Xlsx).ProducesValidationProblem().ProducesProblem(404);

        // The account's open deals the caller may read, one sheet (or more) each; ?progress=<guid> lets the account
        // page show how far it has got (ExportProgress). At most GetOnePageSheets.MaxDealsPerAccount deals, else a 400.
        documents.MapGet("/accounts/{id:guid}/sheets.pdf", async (Guid id, string? lang, string? progress, HttpContext http,
            GetOnePageSheets.Handler handler, OnePageWords words, SheetPdf pdf, ExportProgress board, TimeProvider time,
            IStringLocalizer<SheetText> text, CancellationToken ct) =>
        {
            if (Language(lang, http) is not { } culture) return LanguageProblem(lang);
            Guid? token = null;
            if (progress is not null)
            {
                if (!Guid.TryParse(progress, out var parsed)) return Error.Invalid("progress", Messages.Format("OnePage.ProgressToken")).ToProblem();
                token = parsed;
            }
            if (!pdf.HasFonts) return NoFonts();
            var read = await handler.Handle(new GetOnePageSheets.Query(AccountId: id), ct);
            if (read.Error is { } error) return error.ToProblem();
            var (account, deals) = (read.Value.AccountName ?? "", read.Value.Sheets);

            var user = http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
            void Report(int done, bool finished) { if (token is { } t) board.Report(user, t, new ExportStatus(done, deals.Count, finished)); }
            Report(0, false);
            var (pages, cover) = OnePageWords.In(culture, () => (
                deals.Select(words.Page).ToList(),
                text["Export.Cover", account, Components.Shared.Display.Date(DateOnly.FromDateTime(time.GetLocalNow().DateTime), culture), deals.Count].Value));
            try
            {
                var bytes = await pdf.RenderAsync(cover, cover, pages, new Progress(n => Report(n, false)), ct);
                return Document(http, bytes, Pdf, DownloadName.Of("pdf", "sheet", account), null);
            }
            finally
            {
                Report(deals.Count, true);
            }
        }).Produces(200, contentType: Pdf).ProducesValidationProblem().ProducesProblem(404).ProducesProblem(503);
    }

    /// <summary>Reports synchronously (IProgress&lt;T&gt;'s own Progress posts to a context the endpoint does not have).</summary>
    private sealed class Progress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    /// <summary><c>?lang=</c> when given (en or zh-CN, else null: a 400), else the best of Accept-Language, else English.</summary>
    internal static CultureInfo? Language(string? lang, HttpContext http)
    {
        if (lang is not null)
            return Setup.LocalizationSetup.Cultures.FirstOrDefault(c => string.Equals(c.Name, lang, StringComparison.OrdinalIgnoreCase));
        var accepted = http.Request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1);
        foreach (var language in accepted)
        {
            var name = language.Value.ToString();
            if (name.StartsWith("zh", StringComparison.OrdinalIgnoreCase)) return CultureInfo.GetCultureInfo("zh-CN");
            if (name.StartsWith("en", StringComparison.OrdinalIgnoreCase)) return CultureInfo.GetCultureInfo("en");
        }
        return CultureInfo.GetCultureInfo("en");
    }

    private static IResult LanguageProblem(string? lang) => Error.Invalid("lang", Messages.Format("UnknownValue", lang, "en, zh-CN")).ToProblem();

    private static IResult NoFonts() => TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "No CJK font installed.", detail: Messages.Format("OnePage.NoFonts"));

    /// <summary>
    /// A private document: sent as an attachment, never stored by a cache (it names the customer's people), with
    /// the sheet's tag and language as its ETag so a client can tell two downloads of the same state apart.
    /// </summary>
    private static IResult Document(HttpContext http, byte[] bytes, string contentType, string fileName, string? tag)
    {
        http.Response.Headers.CacheControl = "no-store";
        if (tag is not null) http.Response.Headers.ETag = $"\"{tag}\"";
        // filename* (RFC 5987, UTF-8) keeps a Chinese name; the plain filename, for old clients, keeps its ASCII part.
        var ascii = string.Join(' ', new string(fileName.Select(c => c < 128 ? c : ' ').ToArray()).Split(' ', StringSplitOptions.RemoveEmptyEntries)).TrimStart('-', ' ');
        var disposition = new Microsoft.Net.Http.Headers.ContentDispositionHeaderValue("attachment")
        {
            FileName = ascii.StartsWith('.') ? "sheet" + ascii : ascii,
            FileNameStar = fileName,
        };
        http.Response.Headers.ContentDisposition = disposition.ToString();
        return Results.Bytes(bytes, contentType);
    }
}
