using System.Text;
using KeySell.Application.Calendar;
using KeySell.Web.Setup;

namespace KeySell.Web.Api;

public static class CalendarEndpoints
{
    /// <summary>The caller's secret calendar link: see whether one exists, or make a new one (replacing the old).</summary>
    public static void MapCalendarEndpoints(this RouteGroupBuilder api)
    {
        var link = api.MapGroup("/me/calendar-link").WithTags("Calendar");

        link.MapGet("", async (GetCalendarLink.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new GetCalendarLink.Query(), ct)).ToOk())
            .WithName("GetCalendarLink").WithSummary("Whether the caller has a calendar link, and since when (the link itself is shown once, when made).");

        link.MapPost("", async (HttpRequest request, ReplaceCalendarLink.Handler handler, CancellationToken ct) =>
                (await handler.Handle(new ReplaceCalendarLink.Command(), ct))
                    .Match(issued => Results.Ok(new { url = ReplaceCalendarLink.UrlFor(BaseUri(request), issued.Secret) }), ApiResults.ToProblem))
            .WithName("ReplaceCalendarLink")
            .WithSummary("A new secret calendar link `{ url }`; the previous one stops working at once. Keep it secret: it is the credential.");
    }

    /// <summary>
    /// <c>GET /calendar/{secret}.ics</c>: the feed a calendar program subscribes to. No cookie, the secret is the credential
    /// (decision 0027); a wrong, malformed or replaced secret is 404 and counts against the client address like a failed
    /// sign-in, so links cannot be guessed faster than passwords.
    /// </summary>
    public static void MapCalendarFeed(this WebApplication app) =>
        app.MapGet("/calendar/{secret}.ics", async (string secret, HttpContext http, FailedSignInLimit limit, GetCalendarFeed.Handler handler) =>
            {
                var client = RateLimitSetup.ClientKey(http);
                if (limit.WaitFor(client) is { } wait)
                {
                    await RateLimitSetup.WriteTooManyAsync(http, wait, "Too many wrong calendar links from this address.");
                    return Results.Empty;
                }
                var feed = await handler.Handle(new GetCalendarFeed.Query(secret, BaseUri(http.Request)), http.RequestAborted);
                if (!feed.Succeeded)
                {
                    limit.CountFailure(client);
                    return Results.NotFound();
                }
                // The feed is the user's own: no shared cache may keep it.
                http.Response.Headers.CacheControl = "private, no-store";
                return Results.Text(feed.Value.Text, CalendarEntries.ContentType, Encoding.UTF8);
            })
            .AllowAnonymous().ExcludeFromDescription();

    /// <summary>The app's address as the caller reached it (behind a known proxy, the forwarded one), with a trailing slash.</summary>
    public static Uri BaseUri(HttpRequest request) => new($"{request.Scheme}://{request.Host}{request.PathBase}/");

    public static IResult Download(DownloadCalendarEntry.File file) =>
        Results.File(Encoding.UTF8.GetBytes(file.Text), CalendarEntries.ContentType, file.Name);
}
