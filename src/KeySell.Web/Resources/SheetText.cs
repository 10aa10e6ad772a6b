namespace KeySell.Web.Resources;

/// <summary>Marker for the strategy sheet's string resources (SheetText.resx, SheetText.zh-Hans.resx).</summary>
public sealed class SheetText;
