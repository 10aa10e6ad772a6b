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
        // Every open tab holds a circuit (its components and their state) on the server, so how many and for how long
        // bounds the server's memory; the figures are in docs/performance.md and the reasons in decision 0016.
        builder.Services.AddRazorComponents()
            .AddInteractiveServerComponents(circuits =>
            {
                // A tab that lost its connection keeps its circuit this long so a flaky network resumes where it was;
                // the default (100 circuits for 3 minutes) lets a burst of closed tabs hold memory long after they left.
                circuits.DisconnectedCircuitMaxRetained = CircuitLimits.DisconnectedMaxRetained;
                circuits.DisconnectedCircuitRetentionPeriod = CircuitLimits.DisconnectedRetention;
                // Render batches a slow browser has not acknowledged yet are buffered on the server; fewer bound that buffer.
                circuits.MaxBufferedUnacknowledgedRenderBatches = CircuitLimits.MaxUnacknowledgedRenderBatches;
            })
            .AddHubOptions(hub =>
            {
                // Nothing the UI sends is large (typed text, clicks); uploads do not go through the circuit.
                hub.MaximumReceiveMessageSize = CircuitLimits.MaxReceiveMessageBytes;
                hub.MaximumParallelInvocationsPerClient = 1;
            });
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

/// <summary>The limits on interactive circuits, in one place so docs/performance.md can name them (decision 0016).</summary>
public static class CircuitLimits
{
    public const int DisconnectedMaxRetained = 30;
    public static readonly TimeSpan DisconnectedRetention = TimeSpan.FromMinutes(1);
    public const int MaxUnacknowledgedRenderBatches = 5;
    public const int MaxReceiveMessageBytes = 32 * 1024;
}
