using KeySell.Application;
using KeySell.Application.Common;
using KeySell.Application.Data;

namespace KeySell.Web.Setup;

public static class DataSetup
{
    public static void AddKeySellData(this WebApplicationBuilder builder)
    {
        builder.Services.AddKeySellData(builder.Configuration);
        builder.Services.AddKeySellHandlers();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddScoped<WebActor>();
        builder.Services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<WebActor>());
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.AddHostedService<RecycleBinPurge>();
        builder.Services.AddHostedService<IdempotencyKeyPurge>();
        builder.Services.AddSingleton<ImportWorker>();
        builder.Services.AddHostedService(services => services.GetRequiredService<ImportWorker>());
        builder.Services.AddHostedService<StoredAnalysisRefresh>();
    }
}
