package dev.concierge.persistence.serialization;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.Serializer;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;

/**
 * Kryo as Concierge runs it: only registered classes, each under its fixed id, and every typed
 * {@link ActorRef} under the one id of the interface, whatever class implements it on this node.
 * Not thread-safe, like any Kryo: {@link KryoSerializer} pools instances.
 */
final class ConciergeKryo extends Kryo {

  ConciergeKryo(RegistrationTable table, Map<Class<?>, Serializer<?>> handWritten, ClassLoader classLoader) {
    setRegistrationRequired(true);
    setClassLoader(classLoader);
    for (RegistrationTable.Entry entry : table.entries()) {
      Serializer<?> serializer = handWritten.get(entry.type());
      if (serializer == null) {
        register(entry.type(), entry.id());
      } else {
        register(entry.type(), serializer, entry.id());
      }
    }
  }

  @Override
  public Registration getRegistration(Class type) {
    // every class of every message passes here: a registered one is found without the subtype test
    Registration registration = getClassResolver().getRegistration(type);
    if (registration != null) {
      return registration;
    }
    // Pekko wraps each typed ref in an internal class (ActorRefAdapter, ActorSystemAdapter) that is its
    // to rename; the bytes name only the interface
    return super.getRegistration(isActorRefImplementation(type) ? ActorRef.class : type);
  }

  @Override
  protected String unregisteredClassMessage(Class type) {
    return type.getName() + " has no Kryo registration: give it a fixed id in "
        + RegistrationTable.PATH + " (reference.conf of the module that owns it)";
  }

  private static boolean isActorRefImplementation(Class<?> type) {
    return type != ActorRef.class && ActorRef.class.isAssignableFrom(type);
  }
}
