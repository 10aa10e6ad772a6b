using MudBlazor;

namespace KeySell.Web.Components.Layout;

/// <summary>A quiet, professional palette: deep blue for navigation and actions, neutral surfaces so the method's colours (support, flags) stand out.</summary>
public static class KeySellTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1a4d8f",
            Secondary = "#52606d",
            Tertiary = "#6a1b9a",
            // Info and Warning are text colours too (outlined chips, alerts): dark enough for 4.5:1 on the page and on white
            // (#0277bd and #b26a00 read 4.5:1 and 4.2:1; "left the company" failed). Decision 0031.
            Info = "#01579b",
            Success = "#2e7d32",
            Warning = "#9a5b00",
            Error = "#c62828",
            AppbarBackground = "#14365f",
            AppbarText = "#ffffff",
            Background = "#f5f7fa",
            Surface = "#ffffff",
            DrawerBackground = "#ffffff",
            DrawerText = "#263238",
            DrawerIcon = "#455a64",
            TextPrimary = "#1f2933",
            TextSecondary = "#52606d",
            ActionDefault = "#52606d",
            LinesDefault = "#e0e4ea",
            TableLines = "#e0e4ea",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["Roboto", "Noto Sans CJK SC", "Noto Sans SC", "Microsoft YaHei", "sans-serif"] },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
