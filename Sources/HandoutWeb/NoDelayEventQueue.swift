import FlyingSocks
import Foundation

/// FlyingFox's epoll queue, with TCP_NODELAY turned on for every socket it watches. FlyingFox
/// writes a response's head and body separately; without this, the kernel holds the body back
/// for the browser's delayed acknowledgement (about 40 ms a request on a kept-alive connection).
struct NoDelayEventQueue: EventQueue {
    private var base: ePoll

    init(maxEvents: Int = 64) { base = ePoll(maxEvents: maxEvents) }

    mutating func open() throws { try base.open() }
    mutating func stop() throws { try base.stop() }
    mutating func close() throws { try base.close() }

    mutating func addEvents(_ events: Socket.Events, for socket: Socket.FileDescriptor) throws {
        // The listening socket refuses the option; accepted ones take it. Either way, carry on.
        try? Socket(file: socket).setValue(true, for: BoolSocketOption(level: Int32(IPPROTO_TCP), name: TCP_NODELAY))
        try base.addEvents(events, for: socket)
    }

    mutating func removeEvents(_ events: Socket.Events, for socket: Socket.FileDescriptor) throws {
        try base.removeEvents(events, for: socket)
    }

    func getNotifications() throws -> [EventNotification] { try base.getNotifications() }
}
