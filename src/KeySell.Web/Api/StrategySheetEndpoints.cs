using System.Globalization;
using KeySell.Application.Common;
using KeySell.Application.History;
using KeySell.Application.Resources;
using KeySell.Application.Sheets;
using Microsoft.Net.Http.Headers;

namespace KeySell.Web.Api;

public static class StrategySheetEndpoints
{
    public static void MapStrategySheetEndpoints(this RouteGroupBuilder api)
    {
        var sheet = api.MapGroup("/opportunities/{id:guid}/sheet").WithTags("Strategy sheet");

        // ?at= answers the sheet as it stood then, replayed from the history (no ETag: the past is not for editing).
        sheet.MapGet("/", async (Guid id, DateTimeOffset? at, HttpContext http, ExportSheet.Handler handler, GetSheetAt.Handler past, CancellationToken ct) =>
            at is { } instant
                ? (await past.Handle(new GetSheetAt.Query(id, instant), ct)).Match(s => Results.Text(SheetWriter.Write(s), "application/json; charset=utf-8"), e => e.ToProblem())
                : (await handler.HandleVersioned(new ExportSheet.Query(id), ct)).Match(s => Sheet(http, s), e => e.ToProblem()));

        // The body is read by the sheet reader, not the model binder, so every problem comes back keyed by its JSON path.
        sheet.MapPut("/", async (Guid id, HttpContext http, ApplySheet.Handler handler, CancellationToken ct) =>
        {
            var ifMatch = IfMatch(http.Request);
            if (ifMatch is { Valid: false })
                return Error.Invalid("If-Match", Messages.Format("Sheet.IfMatch")).ToProblem();

            var read = await SheetReader.ReadAsync(http.Request.Body, ct);
            if (read.Sheet is null)
            {
                var errors = read.Problems.GroupBy(p => p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
                return new Error(ErrorKind.Validation, Messages.Format("ValidationFailed"), errors).ToProblem();
            }
            var result = await handler.Handle(new ApplySheet.Command(id, read.Sheet, ifMatch?.Tag), ct);
            return result.Match(s => Sheet(http, s), e => e.ToProblem());
        }).Accepts<object>("application/json");
    }

    private static IResult Sheet(HttpContext http, VersionedSheet sheet)
    {
        http.Response.Headers.ETag = $"\"{sheet.Tag}\"";
        return Results.Text(SheetWriter.Write(sheet.Sheet), "application/json; charset=utf-8");
    }

    /// <summary>
    /// The tag the client based its sheet on, strong (<c>"7.ab…"</c>) or weak (<c>W/"7.ab…"</c>).
    /// No header (or <c>*</c>) means the client did not ask for a check.
    /// </summary>
    private static (bool Valid, string? Tag)? IfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*") return null;
        return EntityTagHeaderValue.TryParse(header, out var tag) ? (true, tag.Tag.ToString().Trim('"')) : (false, null);
    }
}
