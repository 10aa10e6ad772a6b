using KeySell.Web.Exports;

namespace KeySell.Web.Setup;

public static class ExportsSetup
{
    /// <summary>The one-page documents (PDF, Excel) of a deal and of an account; decision 0028.</summary>
    public static void AddKeySellExports(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CjkFontLocator>();
        builder.Services.AddSingleton<SheetPdf>();
        builder.Services.AddSingleton<ExportProgress>();
        builder.Services.AddScoped<OnePageWords>();
        builder.Services.AddScoped<SheetXlsx>();
    }
}
