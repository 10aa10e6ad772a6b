using KeySell.Web.Components;
using MudBlazor.Services;

namespace KeySell.Web.Setup;

public static class UiSetup
{
    public static void AddKeySellUi(this WebApplicationBuilder builder)
    {
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
