"""A small notification server for tests: owns org.freedesktop.Notifications on the bus at
``argv[1]`` and keeps every Notify call.

Run as ``python notification_server.py ADDRESS CAPABILITIES`` (capabilities comma-separated,
e.g. "actions,body"). It prints "ready" once it owns the name. Tests drive it through
org.supportnet.TestNotifications on the same object: Calls() returns the calls as JSON;
Click(id, action) sends ActivationToken then ActionInvoked, as a server does when a button is
pressed; Close(id) sends NotificationClosed (reason 2, dismissed).
"""

from __future__ import annotations

import json
import sys

from jeepney import HeaderFields, MessageType, new_error, new_method_return, new_signal
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection
from jeepney.wrappers import DBusAddress

NAME = "org.freedesktop.Notifications"
PATH = "/org/freedesktop/Notifications"
CONTROL = "org.supportnet.TestNotifications"


def main(address: str, capabilities: list[str]) -> None:
    connection = open_dbus_connection(bus=address)
    reply = connection.send_and_get_reply(message_bus.RequestName(NAME))
    if reply.body != (1,):
        raise SystemExit("could not own the notification service name")
    print("ready", flush=True)
    calls: list[dict[str, object]] = []
    last_id = 0
    emitter = DBusAddress(PATH, interface=NAME)
    while True:
        message = connection.receive()
        header = message.header
        if header.message_type is not MessageType.method_call:
            continue
        member = header.fields.get(HeaderFields.member)
        if member == "GetCapabilities":
            connection.send(new_method_return(message, "as", (capabilities,)))
        elif member == "GetServerInformation":
            connection.send(
                new_method_return(message, "ssss", ("test-server", "SupportNet", "0", "1.2"))
            )
        elif member == "Notify":
            app, replaces, icon, summary, body, actions, hints, timeout = message.body
            calls.append(
                {
                    "signature": header.fields.get(HeaderFields.signature),
                    "app_name": app,
                    "replaces_id": replaces,
                    "icon": icon,
                    "summary": summary,
                    "body": body,
                    "actions": list(actions),
                    "hints": {key: list(value) for key, value in hints.items()},
                    "timeout": timeout,
                }
            )
            if replaces:
                notification_id = replaces
            else:
                last_id += 1
                notification_id = last_id
            connection.send(new_method_return(message, "u", (notification_id,)))
        elif member == "Calls":
            connection.send(new_method_return(message, "s", (json.dumps(calls),)))
        elif member == "Click":
            notification_id, action = message.body
            connection.send(
                new_signal(emitter, "ActivationToken", "us", (notification_id, "test-token"))
            )
            connection.send(new_signal(emitter, "ActionInvoked", "us", (notification_id, action)))
            connection.send(new_method_return(message))
        elif member == "Close":
            (notification_id,) = message.body
            connection.send(new_signal(emitter, "NotificationClosed", "uu", (notification_id, 2)))
            connection.send(new_method_return(message))
        else:
            connection.send(new_error(message, "org.freedesktop.DBus.Error.UnknownMethod"))


if __name__ == "__main__":
    main(sys.argv[1], [c for c in sys.argv[2].split(",") if c])
