using KeySell.Application.Common;
using KeySell.Web.Api;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Scalar.AspNetCore;

namespace KeySell.Web.Setup;

public static class ApiSetup
{
    public static void AddKeySellApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
            context.ProblemDetails.Extensions["traceId"] = context.HttpContext.TraceIdentifier);
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.Configure<JsonOptions>(options => ApiJson.Apply(options.SerializerOptions));
        // A body that does not parse throws, so the exception handler can answer with the reason.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi(options => options.AddOperationTransformer(Paging.Describe));
    }

    public static void UseKeySellPipeline(this WebApplication app)
    {
        app.UseKeySellSecurity();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        // HSTS goes out only on HTTPS answers (the middleware checks), never to localhost.
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseSessionGate();
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        // After authorization, so a caller who may not call the endpoint costs no body reading.
        app.Use(RequestBodyLimit.Enforce);
        // After the body is held and checked: a retried POST is answered from the first attempt's answer.
        app.UseKeySellIdempotencyKeys();
    }

    public static void MapKeySellApi(this WebApplication app)
    {
        app.MapHealthChecks("/health").AllowAnonymous();
        // The API's description is for signed-in users only, like the API itself.
        app.MapOpenApi();
        // The explorer runs from the package's own bundle on this server and nothing else: no web fonts from a CDN
        // (the system's sans-serif and monospace do), no vendor buttons (the developer toolbar's share and deploy,
        // the client download, the AI agent, the "Powered by" link), no telemetry. The Content-Security-Policy for /scalar holds it to that.
        app.MapScalarApiReference(scalar => scalar
                .WithTitle("KeySell API")
                .WithFavicon("/favicon.ico")
                .DisableDefaultFonts()
                .HideClientButton()
                .HideDeveloperTools()
                .DisableAgent()
                .DisableMcp()
                .DisableTelemetry()
                .WithCustomCss(".references-navigation-list a[href*='scalar.com'], a[href*='scalar.com'] { display: none !important; }"))
            .RequireAuthorization();
        app.MapCultureSwitch();
        app.MapCalendarFeed();

        // Limits on input for every API endpoint, set once here (docs/security.md, "Limits on input").
        var api = app.MapGroup("/api").RequireAuthorization().RequireRateLimiting(RateLimitSetup.PerUserApi)
            .WithMetadata(new RequestBodyLimit(InputLimits.RequestBodyBytes))
            .AddEndpointFilterFactory(Paging.RefuseOutOfBounds);
        api.MapAuthEndpoints();
        api.MapAccountEndpoints();
        api.MapPersonEndpoints();
        api.MapColleagueEndpoints();
        api.MapOpportunityEndpoints();
        api.MapBuyingInfluenceEndpoints();
        api.MapNeedsEndpoints();
        api.MapSwotEndpoints();
        api.MapStrategySheetEndpoints();
        api.MapOnePageEndpoints();
        api.MapRedFlagEndpoints();
        api.MapTeamEndpoints();
        api.MapHistoryEndpoints();
        api.MapRecycleBinEndpoints();
        api.MapSecurityLogEndpoints();
        api.MapImportEndpoints();
        api.MapSettingsEndpoints();
        api.MapReviewEndpoints();
        api.MapQuotaEndpoints();
        api.MapIdealCustomerEndpoints();
        api.MapFunnelEndpoints();
        api.MapWorkQueueEndpoints();
        api.MapProcessEndpoints();
        api.MapCallEndpoints();
        api.MapActionEndpoints();
        api.MapCalendarEndpoints();
        api.MapRelationshipMapEndpoints();
        api.MapLearningEndpoints();

        // An unknown route is a 404 for everyone: without this the sign-in requirement would answer
        // 401 to strangers, telling a removed route (/api/auth/register) from one that needs a token.
        app.MapFallback(http => http.Request.Path.StartsWithSegments("/api")
                ? Results.Problem(statusCode: 404, title: "Not found.", detail: "There is no such route.").ExecuteAsync(http)
                : Results.NotFound().ExecuteAsync(http))
            .AllowAnonymous().ExcludeFromDescription();
    }
}
