using Microsoft.AspNetCore.Components.Web;

namespace KeySell.Web.Components.Shared;

/// <summary>When a key press in a dialog's single-line field means "save": Enter, but not while an input method
/// (pinyin) is still composing — that Enter picks the characters — and not Shift+Enter.</summary>
/// <remarks>The fields that submit this way bind with <c>Immediate="true"</c>: otherwise the value reaches the
/// component on change, after this key press, and the save sees the field empty (issue 11: "One or more fields are
/// invalid" with the name filled).</remarks>
public static class EnterKey
{
    public static bool Submits(KeyboardEventArgs e) => e.Key == "Enter" && !e.IsComposing && !e.ShiftKey;
}
