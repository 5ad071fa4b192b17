// Settings entry: connect the stores and render.
import { mountWindow } from '../shared/mount';
import { SettingsApp } from './SettingsApp';
import '../shared/base.css';
import './settings.css';

mountWindow((bridge) => <SettingsApp bridge={bridge} />);
