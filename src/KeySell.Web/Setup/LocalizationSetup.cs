using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace KeySell.Web.Setup;

public static class LocalizationSetup
{
    public static readonly CultureInfo[] Cultures = [new("en"), new("zh-CN")];

    public static void AddKeySellLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization();
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("en");
            options.SupportedCultures = Cultures;
            options.SupportedUICultures = Cultures;
            // The API's rule (contract 1: ?lang=en|zh-CN, else Accept-Language, else English) for every message and
            // explanation; ?culture= is kept for links made before. The switch in the UI sets the cookie.
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider { QueryStringKey = "lang", UIQueryStringKey = "lang" },
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
    }

    /// <summary><c>GET /culture/{name}?returnUrl=/…</c>: remembers the language for a year and goes back.</summary>
    public static void MapCultureSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/culture/{name}", (string name, string? returnUrl, HttpContext http) =>
        {
            var culture = Cultures.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
            if (culture is null) return Results.Problem(statusCode: 400, detail: $"Unsupported language '{name}'; use en or zh-CN.");
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = false });
            var target = string.IsNullOrEmpty(returnUrl) || !Uri.IsWellFormedUriString(returnUrl, UriKind.Relative) || returnUrl.StartsWith("//")
                ? "/"
                : returnUrl;
            return Results.LocalRedirect(target);
        }).AllowAnonymous().ExcludeFromDescription();
}
