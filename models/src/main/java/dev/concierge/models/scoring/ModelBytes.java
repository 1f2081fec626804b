package dev.concierge.models.scoring;

import com.google.protobuf.InvalidProtocolBufferException;
import java.util.Set;
import org.tribuo.Model;
import org.tribuo.classification.Label;
import org.tribuo.classification.sgd.linear.LinearSGDModel;
import org.tribuo.common.xgboost.XGBoostModel;
import org.tribuo.protos.core.ModelProto;

/**
 * A trained model as Tribuo's protobuf bytes, in memory; where the bytes are stored is for others to say.
 * Tribuo instantiates the class a proto names, so only the model classes the {@link ScorerCompiler} serves
 * are read back (Tribuo issue #42: load only what you trust).
 */
public final class ModelBytes {

  private static final Set<String> READABLE_MODEL_CLASSES =
      Set.of(LinearSGDModel.class.getName(), XGBoostModel.class.getName());

  private ModelBytes() {}

  public static byte[] toBytes(Model<Label> model) {
    return model.serialize().toByteArray();
  }

  /** @throws IllegalArgumentException if the bytes are not a linear or XGBoost classifier */
  public static Model<Label> fromBytes(byte[] bytes) {
    ModelProto proto;
    try {
      proto = ModelProto.parseFrom(bytes);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("not a Tribuo model: " + e.getMessage(), e);
    }
    if (!READABLE_MODEL_CLASSES.contains(proto.getClassName())) {
      throw new IllegalArgumentException(
          "refusing to load model class " + proto.getClassName() + "; readable are " + READABLE_MODEL_CLASSES);
    }
    Model<?> model = Model.deserialize(proto);
    if (!model.validate(Label.class)) {
      throw new IllegalArgumentException("the model does not predict labels: " + model.getClass().getName());
    }
    return model.castModel(Label.class);
  }
}
