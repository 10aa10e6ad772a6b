using System.Security.Cryptography;

namespace KeySell.Application.Identity;

/// <summary>Passwords KeySell makes up (the first admin, temporary passwords, the demo team), all alike.</summary>
public static class GeneratedPasswords
{
    /// <summary>16 letters and digits without look-alikes, plus a symbol, digit, upper and lower letter as Identity's rules want.</summary>
    public static string New()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return RandomNumberGenerator.GetString(alphabet, 16) + "-7Kq";
    }
}
