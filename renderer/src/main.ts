import '@fontsource/inter/latin-400.css';
import '@fontsource/inter/latin-600.css';
import '@fontsource/inter/latin-700.css';
import '@fontsource/inter/latin-800.css';
import '@fontsource/inter/latin-600-italic.css';
import './ui/styles/global.css';
import { mount } from 'svelte';
import App from './ui/App.svelte';
import { detectPlatform } from './platform';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
mount(App, { target, props: { platform: detectPlatform() } });
