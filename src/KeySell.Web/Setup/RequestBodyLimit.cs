using System.Runtime.InteropServices;
using KeySell.Application.Common;
using KeySell.Application.Resources;
using Microsoft.AspNetCore.Http.Features;

namespace KeySell.Web.Setup;

/// <summary>
/// Endpoint metadata: the largest request body the endpoint takes. Set once on the <c>/api</c> group
/// (<see cref="InputLimits.RequestBodyBytes"/>); an endpoint that reads its own body within a limit of its own (the
/// strategy sheet) says so with <see cref="ReadByEndpoint"/> and answers for it itself.
/// </summary>
public sealed record RequestBodyLimit(int Bytes, bool ReadByEndpoint = false)
{
    /// <summary>
    /// Holds each API request body before the endpoint sees it: over the limit is a <c>413</c> (by Content-Length without
    /// reading, else after reading one byte past it), and bytes that are not UTF-8 are a <c>400</c> naming the first bad
    /// byte, so no endpoint turns them into U+FFFD or a 500. What passes is handed on from memory.
    /// </summary>
    public static async Task Enforce(HttpContext http, RequestDelegate next)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<RequestBodyLimit>() is not { ReadByEndpoint: false } limit
            || http.Request.ContentLength == 0
            || http.Features.Get<IHttpRequestBodyDetectionFeature>() is { CanHaveBody: false })
        {
            await next(http);
            return;
        }
        if (http.Request.ContentLength > limit.Bytes)
        {
            await TooLarge(http, limit);
            return;
        }
        if (await BoundedRead.ReadAsync(http.Request.Body, limit.Bytes, http.Request.ContentLength, http.RequestAborted) is not { } body)
        {
            await TooLarge(http, limit);
            return;
        }
        var invalid = Utf8Bytes.FirstInvalid(body.Span);
        if (invalid >= 0)
        {
            await TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["$"] = [Messages.Format("Request.NotUtf8", invalid)] },
                detail: Messages.Format("Request.NotUtf8", invalid), title: "The request body is not valid UTF-8.").ExecuteAsync(http);
            return;
        }
        MemoryMarshal.TryGetArray(body, out var bytes);
        http.Request.Body = new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false);
        await next(http);
    }

    private static Task TooLarge(HttpContext http, RequestBodyLimit limit) =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "The request body is too large.",
            detail: Messages.Format("Request.TooLarge", limit.Bytes)).ExecuteAsync(http);
}
