using KeySell.Web.Components;
using MudBlazor.Services;

namespace KeySell.Web.Setup;

public static class UiSetup
{
    public static void AddKeySellUi(this WebApplicationBuilder builder)
    {
        // MapStaticAssets maps every file of the endpoints manifest. A build output (bin/…) has no
        // wwwroot of its own: its files stay in the project and in the NuGet cache, and only the
        // runtime manifest says where; ASP.NET Core reads that manifest in Development only, so in
        // Production every CSS and JS file answered 200 with 0 bytes. Reading it in every
        // environment fixes that; a publish output has no runtime manifest and serves its own wwwroot.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddScoped<HandlerScope>();
    }

    public static void MapKeySellUi(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapSignInEndpoints();
    }
}
