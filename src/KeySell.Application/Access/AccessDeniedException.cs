namespace KeySell.Application.Access;

/// <summary>
/// The caller may read the record but not change it (a 403): raised by the write guard before
/// anything is saved, so a refused change leaves no trace but a clear message.
/// </summary>
public sealed class AccessDeniedException(string message) : Exception(message);
