using System.Security.Cryptography;
using KeySell.Application.Common;
using KeySell.Application.Resources;
using KeySell.Application.Retries;
using Microsoft.AspNetCore.DataProtection;

namespace KeySell.Web.Setup;

/// <summary>
/// <c>Idempotency-Key</c> on every POST under <c>/api</c> (contract 1, "Retries"): the same key from
/// the same user within 24 hours gets the first answer — status, Location, ETag, body — and creates
/// nothing again; the same key with another request is a <c>422</c>; a retry while the first attempt
/// still runs is a <c>409</c>. The keys live in the database, so a retry may reach any server.
/// </summary>
/// <remarks>
/// The sign-in routes are left out: their answers are tokens, which are never stored. Stored answers
/// are encrypted with the data-protection keys (a created user's temporary password is in one).
/// </remarks>
public static class IdempotencyKeys
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    private const string Purpose = "KeySell.IdempotencyKeys.Answer";

    public static void UseKeySellIdempotencyKeys(this WebApplication app) => app.Use(Handle);

    private static async Task Handle(HttpContext http, RequestDelegate next)
    {
        if (!HttpMethods.IsPost(http.Request.Method)
            || !http.Request.Path.StartsWithSegments("/api")
            || http.Request.Path.StartsWithSegments("/api/auth")
            || !http.Request.Headers.TryGetValue(Header, out var values))
        {
            await next(http);
            return;
        }
        var userId = http.RequestServices.GetRequiredService<WebActor>().UserId;
        if (userId is null)
        {
            await next(http); // the endpoint answers 401 or 404 itself
            return;
        }
        if (values.Count != 1 || values[0] is not { Length: > 0 and <= InputLimits.IdempotencyKeyLength } key || !key.All(c => c is >= '!' and <= '~'))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The Idempotency-Key header is invalid.",
                detail: Messages.Format("Retry.KeyInvalid", InputLimits.IdempotencyKeyLength)).ExecuteAsync(http);
            return;
        }
        if (await FingerprintAsync(http) is not { } fingerprint)
        {
            await next(http); // larger than the endpoint takes: it answers 413, and nothing is created to repeat
            return;
        }

        var scopes = http.RequestServices.GetRequiredService<IServiceScopeFactory>();
        ClaimIdempotencyKey.Outcome claim;
        // A scope of its own: the key's bookkeeping never shares a change tracker with the endpoint's work.
        await using (var scope = scopes.CreateAsyncScope())
            claim = await scope.ServiceProvider.GetRequiredService<ClaimIdempotencyKey.Handler>()
                .Handle(new ClaimIdempotencyKey.Command(userId, key, fingerprint), http.RequestAborted);

        switch (claim.Verdict)
        {
            case ClaimIdempotencyKey.Verdict.Mismatch:
                await TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "The Idempotency-Key was used for another request.",
                    detail: Messages.Format("Retry.KeyReused")).ExecuteAsync(http);
                return;
            case ClaimIdempotencyKey.Verdict.InFlight:
                http.Response.Headers.RetryAfter = "1";
                await TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The first request with this Idempotency-Key is still running.",
                    detail: Messages.Format("Retry.InFlight")).ExecuteAsync(http);
                return;
            case ClaimIdempotencyKey.Verdict.Replay:
                await ReplayAsync(http, claim.Answer!);
                return;
        }

        var original = http.Response.Body;
        using var captured = new MemoryStream();
        http.Response.Body = captured;
        AnswerIdempotentRequest.Command answer;
        try
        {
            await next(http);
            var status = http.Response.StatusCode;
            answer = status >= 500
                ? new AnswerIdempotentRequest.Command(claim.Id, null, null, null, null, null)
                : new AnswerIdempotentRequest.Command(claim.Id, status, http.Response.ContentType, http.Response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
                    http.Response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null,
                    captured.Length == 0 ? null : Protector(http).Protect(captured.ToArray()));
        }
        catch
        {
            // The server failed: forget the key so a retry runs the request again.
            http.Response.Body = original;
            await StoreAsync(scopes, new AnswerIdempotentRequest.Command(claim.Id, null, null, null, null, null));
            throw;
        }
        http.Response.Body = original;
        // Stored before the client sees the answer: a client that got it can always get it again.
        await StoreAsync(scopes, answer);
        captured.Position = 0;
        await captured.CopyToAsync(original, http.RequestAborted);
    }

    private static async Task StoreAsync(IServiceScopeFactory scopes, AnswerIdempotentRequest.Command answer)
    {
        await using var scope = scopes.CreateAsyncScope();
        // Not the request's cancellation: a client that hung up still gets its answer on the retry.
        await scope.ServiceProvider.GetRequiredService<AnswerIdempotentRequest.Handler>().Handle(answer, CancellationToken.None);
    }

    private static async Task ReplayAsync(HttpContext http, IdempotentRequest answer)
    {
        http.Response.StatusCode = answer.Status!.Value;
        if (answer.ContentType is not null) http.Response.ContentType = answer.ContentType;
        if (answer.Location is not null) http.Response.Headers.Location = answer.Location;
        if (answer.ETag is not null) http.Response.Headers.ETag = answer.ETag;
        http.Response.Headers[ReplayedHeader] = "true";
        if (answer.Body is { } body)
        {
            var bytes = Protector(http).Unprotect(body);
            http.Response.ContentLength = bytes.Length;
            await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
        }
    }

    private static IDataProtector Protector(HttpContext http) =>
        http.RequestServices.GetRequiredService<IDataProtectionProvider>().CreateProtector(Purpose);

    /// <summary>SHA-256 of method, path, query and body; null when the body is over the endpoint's limit.</summary>
    private static async Task<string?> FingerprintAsync(HttpContext http)
    {
        var limit = http.GetEndpoint()?.Metadata.GetMetadata<RequestBodyLimit>()?.Bytes ?? InputLimits.RequestBodyBytes;
        // The body limit middleware has usually put the body in memory already; an endpoint that reads its own
        // body gets it buffered here (to disk past 30 KB) and rewound.
        http.Request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{http.Request.Method} {http.Request.Path}{http.Request.QueryString}\n"));
        var buffer = new byte[16 * 1024];
        long total = 0;
        int read;
        while ((read = await http.Request.Body.ReadAsync(buffer, http.RequestAborted)) > 0)
        {
            total += read;
            if (total > limit) break;
            hash.AppendData(buffer, 0, read);
        }
        http.Request.Body.Position = 0;
        return total > limit ? null : Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
