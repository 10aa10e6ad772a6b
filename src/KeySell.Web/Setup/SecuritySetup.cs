using System.Net;
using KeySell.Application.Security;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http;

namespace KeySell.Web.Setup;

/// <summary>What every response carries, who may forward client addresses, and the server's own header.</summary>
public static class SecuritySetup
{
    public const string KnownProxiesKey = "KeySell:ForwardedHeaders:KnownProxies";

    public static void AddKeySellSecurity(this WebApplicationBuilder builder)
    {
        // Nobody needs to know which server software answers.
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.Services.AddScoped<IClientAddress, HttpClientAddress>();
        // The antiforgery cookie's default is never Secure; like the sign-in cookie, it is Secure on HTTPS.
        builder.Services.AddAntiforgery(antiforgery => antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.AddKeySellRateLimits();

        var proxies = KnownProxies(builder.Configuration);
        builder.Services.Configure<ForwardedHeadersOptions>(forwarded =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only the proxies the operator named may speak for a client.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in proxies) forwarded.KnownProxies.Add(proxy);
        });
    }

    public static IReadOnlyList<IPAddress> KnownProxies(IConfiguration configuration) =>
        (configuration[KnownProxiesKey] ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(text => IPAddress.TryParse(text, out var ip)
                ? ip
                : throw new InvalidOperationException($"{KnownProxiesKey} holds '{text}', which is not an IP address; list the proxies' IPs separated by commas."))
            .ToList();

    /// <summary>First in the pipeline: forwarded addresses, then the headers every answer carries.</summary>
    public static void UseKeySellSecurity(this WebApplication app)
    {
        if (KnownProxies(app.Configuration).Count > 0) app.UseForwardedHeaders();
        app.UseMiddleware<SecurityHeaders>();
        DataProtectionSetup.WarnIfKeysUnprotected(app);
    }
}

/// <summary>
/// The response headers the contract asks for. Set when the response starts, so an error page
/// written by the exception handler (which clears headers) carries them too.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    // MudBlazor sets style attributes from C#, so inline styles must be allowed; inline script is not.
    private const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'; connect-src 'self' ";

    // Scalar's page boots with an inline script; only /scalar gets this. Everything else it loads is this server's
    // (its fonts are the system's: ApiSetup turns the CDN fonts off), so nothing is allowed from another origin.
    // Its bundle also tries eval, and works when that is refused, so 'unsafe-eval' is not granted.
    private const string ScalarPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; connect-src 'self'";

    public Task InvokeAsync(HttpContext http)
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            var host = http.Request.Host.ToUriComponent();
            // 'self' covers the same-origin WebSocket in current browsers; ws/wss are named for older ones.
            headers.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/scalar") ? ScalarPolicy : $"{Policy}ws://{host} wss://{host}";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()";
            headers.XFrameOptions = "DENY";
            headers.Remove("Server");
            return Task.CompletedTask;
        });
        return next(http);
    }
}
