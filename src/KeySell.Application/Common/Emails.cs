using System.Net.Mail;
using KeySell.Application.Resources;

namespace KeySell.Application.Common;

internal static class Emails
{
    public const int MaxLength = 200;

    /// <summary>An optional email: blank is fine, anything else must look like an address.</summary>
    public static void Check(Validation validation, string field, string? email)
    {
        if (string.IsNullOrWhiteSpace(email)) return;
        validation.MaxLength(field, email, MaxLength);
        if (!MailAddress.TryCreate(email.Trim(), out var parsed) || parsed.Address != email.Trim())
            validation.Add(field, Messages.Format("InvalidEmail", email));
    }
}
