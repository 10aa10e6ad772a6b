namespace KeySell.Web.Resources;

/// <summary>Marker for the UI's string resources (UiText.resx, UiText.zh-Hans.resx).</summary>
public sealed class UiText;
