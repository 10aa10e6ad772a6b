using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using System.Text.Json.Serialization;
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
        builder.Services.Configure<JsonOptions>(options => ConfigureJson(options.SerializerOptions));
        // A body that does not parse throws, so the exception handler can answer with the reason.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.AddOpenApi(options => options.AddOperationTransformer(Paging.Describe));
    }

    public static void ConfigureJson(JsonSerializerOptions json)
    {
        json.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        json.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        // A misspelt field is an error, never silently dropped data.
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        // Chinese names and messages go out as characters, not \u escapes; HTML-sensitive ones stay escaped.
        json.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        json.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
    }

    public static void UseKeySellPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        // After authorization, so a caller who may not call the endpoint costs no body reading.
        app.Use(RequestBodyLimit.Enforce);
    }

    public static void MapKeySellApi(this WebApplication app)
    {
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().RequireAuthorization();
        app.MapCultureSwitch();

        // Limits on input for every API endpoint, set once here (docs/security.md, "Limits on input").
        var api = app.MapGroup("/api").RequireAuthorization()
            .WithMetadata(new RequestBodyLimit(InputLimits.RequestBodyBytes))
            .AddEndpointFilterFactory(Paging.RefuseOutOfBounds);
        api.MapAuthEndpoints();
        api.MapAccountEndpoints();
        api.MapPersonEndpoints();
        api.MapColleagueEndpoints();
        api.MapOpportunityEndpoints();
        api.MapBuyingInfluenceEndpoints();
        api.MapStrategySheetEndpoints();
        api.MapRedFlagEndpoints();
        api.MapTeamEndpoints();
        api.MapHistoryEndpoints();
        api.MapRecycleBinEndpoints();
    }
}
