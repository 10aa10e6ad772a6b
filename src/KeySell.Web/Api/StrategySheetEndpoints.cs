using System.Globalization;
using KeySell.Application.Common;
using KeySell.Application.History;
using KeySell.Application.Resources;
using KeySell.Application.Sheets;
using KeySell.Web.Setup;
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

        // The body is read by the sheet reader, not the model binder, so every problem comes back keyed by its JSON path,
        // and the sheet's own limits (InputLimits) are a 400 naming the limit, as the CLI reports them.
        sheet.MapPut("/", async (Guid id, HttpContext http, ApplySheet.Handler handler, CancellationToken ct) =>
        {
            var ifMatch = IfMatch(http.Request);
            if (ifMatch is null)
            {
                // Replacing a whole sheet blind would silently undo a colleague's newer save.
                return TypedResults.Problem(statusCode: StatusCodes.Status428PreconditionRequired, title: "If-Match is required.",
                    detail: Messages.Format("Sheet.IfMatchRequired"));
            }
            if (ifMatch is { Valid: false })
                return Error.Invalid("If-Match", Messages.Format("Sheet.IfMatch")).ToProblem();

            var read = await SheetReader.ReadAsync(http.Request.Body, http.Request.ContentLength, ct);
            if (read.Sheet is null)
            {
                // A problem with the body as a whole (its size, its encoding) is reported at the root.
                var errors = read.Problems.GroupBy(p => p.Path.Length == 0 ? "$" : p.Path).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
                return new Error(ErrorKind.Validation, Messages.Format("ValidationFailed"), errors).ToProblem();
            }
            var result = await handler.Handle(new ApplySheet.Command(id, read.Sheet, ifMatch.Value.Tag), ct);
            return result.Match(s => Sheet(http, s), e => e.ToProblem());
        }).Accepts<object>("application/json")
            .WithMetadata(new RequestBodyLimit(InputLimits.SheetBytes, ReadByEndpoint: true))
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }

    private static IResult Sheet(HttpContext http, VersionedSheet sheet)
    {
        http.Response.Headers.ETag = $"\"{sheet.Tag}\"";
        return Results.Text(SheetWriter.Write(sheet.Sheet), "application/json; charset=utf-8");
    }

    /// <summary>
    /// The tag the client based its sheet on, strong (<c>"7.ab…"</c>) or weak (<c>W/"7.ab…"</c>); null when there is
    /// no header. <c>*</c> is the client saying in so many words to replace whatever is there: valid, with no tag to check.
    /// </summary>
    private static (bool Valid, string? Tag)? IfMatch(HttpRequest request)
    {
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0) return null;
        if (header == "*") return (true, null);
        return EntityTagHeaderValue.TryParse(header, out var tag) ? (true, tag.Tag.ToString().Trim('"')) : (false, null);
    }
}
